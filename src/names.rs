//! The names of the public enums ([`Family`](crate::Family),
//! [`Genre`](crate::Genre), [`NoiseKind`](crate::NoiseKind),
//! [`Severity`](crate::Severity), [`Code`](crate::Code),
//! [`Encoding`](crate::Encoding)): one spelling for each value, lower case
//! with hyphens, written once in a table, and used by `name()`, `Display`,
//! `FromStr` and serde alike, so that Rust, JSON and the command line
//! never disagree.

/// A name that names no value of an enum: what `FromStr` gives for it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{name}` (expected one of: {expected})")]
#[non_exhaustive]
pub struct UnknownName {
    /// What was asked for: `family`, `genre` ...
    pub what: &'static str,
    /// The name given.
    pub name: String,
    /// The names there are, comma-separated.
    pub expected: String,
}

impl UnknownName {
    pub(crate) fn new(what: &'static str, name: &str, names: &[&str]) -> Self {
        UnknownName {
            what,
            name: name.to_owned(),
            expected: names.join(", "),
        }
    }
}

/// Gives an enum its names: `name()`, `NAMES`, `Display`, `FromStr`, and
/// `Serialize`/`Deserialize` as that name. `$what` is what an error calls
/// a value (`family`).
macro_rules! named {
    ($ty:ident, $what:literal, [$($variant:ident = $name:literal),+ $(,)?]) => {
        impl $ty {
            /// Every value's name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($name),+];

            /// The value's name, as JSON, `Display` and `FromStr` spell it.
            pub const fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = crate::names::UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok($ty::$variant),)+
                    _ => Err(crate::names::UnknownName::new($what, s, Self::NAMES)),
                }
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                name.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use named;

#[cfg(test)]
mod tests {
    use crate::{Code, Encoding, Family, Genre, NoiseKind, Severity};

    /// Each name parses back to a value whose name, `Display` and JSON it
    /// is; an unknown name is an error that lists the names there are.
    fn round_trips<T>(names: &[&str])
    where
        T: std::str::FromStr<Err = super::UnknownName>
            + std::fmt::Display
            + serde::Serialize
            + serde::de::DeserializeOwned
            + PartialEq
            + std::fmt::Debug,
    {
        for &name in names {
            let value: T = name.parse().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(value.to_string(), name);
            let json = serde_json::to_string(&value).expect("serialises");
            assert_eq!(json, format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<T>(&json).ok(), Some(value));
        }
        let err = "no-such-name".parse::<T>().expect_err("unknown");
        assert!(err.to_string().contains(names[0]), "{err}");
        assert!(serde_json::from_str::<T>("\"no-such-name\"").is_err());
    }

    #[test]
    fn every_enum_reads_and_writes_one_name() {
        round_trips::<Family>(Family::NAMES);
        round_trips::<Genre>(Genre::NAMES);
        round_trips::<NoiseKind>(NoiseKind::NAMES);
        round_trips::<Severity>(Severity::NAMES);
        round_trips::<Code>(Code::NAMES);
        round_trips::<Encoding>(Encoding::NAMES);
        assert_eq!(Family::NAMES.len(), Family::ALL.len());
        assert_eq!(Code::NAMES.len(), Code::ALL.len());
    }

    #[test]
    fn names_are_lower_case_with_hyphens() {
        let all = [
            Family::NAMES,
            Genre::NAMES,
            NoiseKind::NAMES,
            Severity::NAMES,
            Code::NAMES,
            Encoding::NAMES,
        ];
        for name in all.into_iter().flatten() {
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name}"
            );
        }
    }
}
