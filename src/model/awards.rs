//! The award nominees.

use serde::Serialize;

use super::located::Src;
use super::people::Honorific;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AwardKind {
    Collective,
    Individual,
}

impl AwardKind {
    pub fn label(self) -> &'static str {
        match self {
            AwardKind::Collective => "Tập thể",
            AwardKind::Individual => "Cá nhân",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Award {
    pub kind: AwardKind,
    /// Present for every individual.
    pub honorific: Option<Honorific>,
    pub name: String,
    pub unit: Option<String>,
    pub achievement: Option<String>,
    pub form: String,
    pub proposer: Option<String>,
    /// Index into [`Dataset::delegates`].
    pub delegate: Option<usize>,
    pub src: Src,
}
