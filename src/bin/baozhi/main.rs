//! The command-line front end: a thin layer over the core for batch work,
//! debugging and benchmarks. Run `baozhi help` for the commands. Native
//! only: in a WebAssembly build of the tests it is an empty program.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
