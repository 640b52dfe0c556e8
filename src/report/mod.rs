//! Year-end reports (not yet built).
