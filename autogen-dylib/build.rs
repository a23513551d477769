//! `-Bsymbolic`: the library's references to its own symbols are bound when it is linked,
//! not looked up by the dynamic loader on every start (124,000 lookups, ~30 ms per `cli`
//! run, before). ELF only; Mach-O's two-level namespace already binds them.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let unix =
        std::env::var("CARGO_CFG_TARGET_FAMILY").is_ok_and(|f| f.split(',').any(|f| f == "unix"));
    let apple = std::env::var("CARGO_CFG_TARGET_VENDOR").as_deref() == Ok("apple");
    if unix && !apple {
        println!("cargo:rustc-link-arg=-Wl,-Bsymbolic");
    }
}
