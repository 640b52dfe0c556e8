//! The console thidua writes to. On Windows the console's output code page
//! is switched to UTF-8 (65001) so that Vietnamese prints as itself rather
//! than as mojibake in the legacy code page; other systems' terminals are
//! UTF-8 already. Where a console still cannot draw box characters (an old
//! font, `TERM=dumb`), `THIDUA_ASCII=1` gives tables ASCII borders (see
//! `crate::env`).

/// Prepares the process's console for UTF-8 output (Windows only).
pub fn prepare() {
    #[cfg(windows)]
    // SAFETY: a plain Win32 call with a constant argument; without a console
    // it fails and changes nothing.
    unsafe {
        windows_sys::Win32::System::Console::SetConsoleOutputCP(65001);
    }
}
