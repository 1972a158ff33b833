//! Words of app.
