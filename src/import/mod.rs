//! Imports from spreadsheets (not yet built).
