//! Words of toast.
