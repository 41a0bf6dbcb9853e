//! The whole validated conference.

use std::sync::Arc;

use super::awards::{Award, Decision};
use super::hall::HallBlock;
use super::ocop::Product;
use super::people::{Bridge, Delegate, Group};
use super::programme::{AgendaItem, Signing};
use super::report_tables::TableDef;
use super::settings::*;
use super::sheets::Sheet;
use super::summary::{ReportSection, Target};
use super::votes::Election;
use crate::diag::Loc;

/// The whole conference.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// `so-ket-ocop-2023`: names the output folder.
    pub id: String,
    /// The input's file name, for messages.
    pub file: Arc<str>,
    pub conference: Conference,
    pub issuer: Issuer,
    pub contact: Contact,
    pub ceremony: Ceremony,
    pub font: FontChoice,
    pub invitation: DocSettings,
    pub decision: DocSettings,
    pub report_doc: DocSettings,
    pub script: DocSettings,
    /// Precedence groups, most senior first.
    pub groups: Vec<Group>,
    pub delegates: Vec<Delegate>,
    /// The online bridge points of a conference held in person and online (`Điểm cầu`).
    pub bridges: Vec<Bridge>,
    pub awards: Vec<Award>,
    /// The award decisions, in the order their first nominee is listed; every award is in
    /// exactly one.
    pub decisions: Vec<Decision>,
    pub agenda: Vec<AgendaItem>,
    pub hall: Vec<HallBlock>,
    pub signings: Vec<Signing>,
    pub products: Vec<Product>,
    pub targets: Vec<Target>,
    pub report: Vec<ReportSection>,
    /// The report's tables and charts as the clerk defined them (`Bảng biểu`).
    pub report_tables: Vec<TableDef>,
    /// The clerk's own tables (sheets the contract does not name).
    pub sheets: Vec<Sheet>,
    /// The votes held at the conference (`Bầu cử`, `Ứng cử viên`).
    pub elections: Vec<Election>,
    /// Where the hall is described (for seating errors about the whole hall).
    pub hall_loc: Option<Loc>,
    /// The shape of the room.
    pub layout: super::hall::Layout,
    /// The side of honour: where seat 2 is relative to seat 1.
    pub honour_side: HonourSide,
    /// Settings shared by the award decisions and the certificates.
    pub award_settings: AwardSettings,
    /// The summary report's own settings.
    pub report_settings: ReportSettings,
}
