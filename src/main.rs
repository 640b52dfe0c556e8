//! The `thidua` binary: everything lives in the library.

fn main() {
    thidua::console::prepare();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = thidua::run(std::env::args_os(), &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(code);
}
