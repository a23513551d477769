//! `builder!`: one sea-query builder declared as data, with both of its interpreters.

/// Declares a sea-query builder chain: a struct holding the constructor's arguments and the
/// method calls in order, an enum with one variant per method, and its [`Arg`] impl, whose
/// `sea` calls the methods on the sea-query value and whose `rust` writes `.method(args)`.
/// Each method name is a single token used by both, so the text always names the method
/// that runs, with the same arguments.
///
/// An argument written `name: &mut Kind` is passed by mutable reference (sea-query takes
/// nested index and foreign-key statements that way).
///
/// [`Arg`]: super::Arg
macro_rules! builder {
    (
        $(#[$doc:meta])*
        $chain:ident = $ty:ident::$ctor:ident($($root:ident: $rkind:ident),*) -> $sea:ident;
        $(#[$cdoc:meta])*
        $calls:ident {
            $(
                $(#[$vdoc:meta])*
                $variant:ident $(($($arg:ident: $(&$mt:tt)? $kind:ident),*))? => $method:ident
            ),* $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $chain {
            $(
                #[doc = concat!("Argument of `", stringify!($ty), "::", stringify!($ctor), "`.")]
                pub $root: $rkind,
            )*
            /// The method calls, in order.
            pub calls: Vec<$calls>,
        }

        $(#[$cdoc])*
        #[derive(Debug, Clone, PartialEq)]
        pub enum $calls {
            $( $(#[$vdoc])* $variant $(($($kind),*))?, )*
        }

        impl $crate::plan::chain::Arg for $chain {
            type Sea = sea_orm::sea_query::$sea;

            fn sea(&self, backend: $crate::backend::Backend) -> Self::Sea {
                let mut b = sea_orm::sea_query::$ty::$ctor($($crate::plan::chain::Arg::sea(&self.$root, backend)),*);
                for call in &self.calls {
                    match call {
                        $(
                            $calls::$variant $(($($arg),*))? => {
                                b.$method($($($(&$mt)? $crate::plan::chain::Arg::sea($arg, backend)),*)?);
                            }
                        )*
                    }
                }
                b
            }

            fn rust(&self, imports: &mut $crate::plan::chain::Imports) -> String {
                imports.sea_query(stringify!($ty));
                let root: Vec<String> = vec![$($crate::plan::chain::Arg::rust(&self.$root, imports)),*];
                let mut out = format!("{}::{}({})", stringify!($ty), stringify!($ctor), root.join(", "));
                for call in &self.calls {
                    let (method, args): (&str, Vec<String>) = match call {
                        $(
                            $calls::$variant $(($($arg),*))? => {
                                (stringify!($method), vec![$($($crate::plan::chain::Arg::rust($arg, imports)),*)?])
                            }
                        )*
                    };
                    out.push_str(&format!(".{method}({})", args.join(", ")));
                }
                out
            }
        }
    };
}
