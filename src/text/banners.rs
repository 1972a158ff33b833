//! Words of banners.
