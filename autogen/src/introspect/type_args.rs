//! Splitting a catalog type such as `numeric(10,2)` into its name and numeric arguments.

/// A type name and its parenthesized integer arguments (empty when there are none).
pub(crate) struct TypeArgs<'a> {
    /// Lower-cased name before the parentheses, trimmed.
    pub name: &'a str,
    /// Integer arguments; `None` if the text has no `(...)` suffix or a non-integer argument.
    pub args: Option<Vec<u32>>,
}

/// Splits `name(a, b)` into `name` and `[a, b]`; a type that does not end with `)` (or has a
/// non-numeric argument) has no arguments and keeps its whole text as the name.
pub(crate) fn split(ty: &str) -> TypeArgs<'_> {
    let ty = ty.trim();
    if let (Some(open), true) = (ty.find('('), ty.ends_with(')')) {
        let inner = &ty[open + 1..ty.len() - 1];
        let args: Option<Vec<u32>> = inner.split(',').map(|a| a.trim().parse().ok()).collect();
        if let Some(args) = args {
            return TypeArgs {
                name: ty[..open].trim(),
                args: Some(args),
            };
        }
    }
    TypeArgs {
        name: ty,
        args: None,
    }
}
