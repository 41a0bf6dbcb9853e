//! Stage 4, plan: the decisions every document shares, made once — protocol order, who is
//! invited, who chairs, and the stable per-person file names.

pub mod awards;
pub mod documents;
pub(crate) mod protocol;
pub mod script;
pub mod seating;
pub mod stats;
pub mod summary;
pub mod votes;

use self::awards::AwardsPlan;
use self::script::Script;
use self::seating::{Policy, SeatingPlan};
use self::summary::SummaryPlan;
use crate::assets::TemplateStore;
use crate::diag::Diagnostics;
use crate::model::{Dataset, Role};
use crate::text::{StemWish, name_sort_key, slug, unique_stems};

/// What the documents are built from besides the dataset.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Every delegate (index into `Dataset::delegates`) in protocol order: group
    /// precedence, then rank in the group (unranked last), then Vietnamese name order.
    pub protocol: Vec<usize>,
    /// The invited delegates, in protocol order.
    pub invitees: Vec<usize>,
    /// The chair (first delegate with the role Chủ trì, in protocol order): who presides.
    pub chair: Option<usize>,
    /// The presidium of those who attend, in its order of honour: the centre first (the
    /// most senior leader present, else who presides), then seat 2, 3 … ([`protocol`]).
    pub presidium: Vec<usize>,
    /// Per delegate: the stem of their personal files (`nguyen-van-hung`, or
    /// `nguyen-van-hung-hu012` when two invitees share the name).
    pub file_stems: Vec<String>,
    /// Who sits where, when the data describes the hall.
    pub seating: Option<SeatingPlan>,
    /// The award decisions (none without nominees).
    pub awards: AwardsPlan,
    /// The event script, when the data has a programme.
    pub script: Option<Script>,
    /// The summary report, when the data has a narrative or products.
    pub summary: Option<SummaryPlan>,
    /// The documents written as text (`van-ban/*.md`).
    pub documents: Vec<documents::DocPlan>,
    /// The results of the votes counted (`Bầu cử`).
    pub votes: Vec<votes::Tally>,
}

impl Plan {
    /// Plans the conference: seating, the script and the report. `None` when any fails
    /// (every error of each is in `diags`). `templates` holds the MC's conventional lines.
    pub fn build(
        ds: &Dataset,
        docs: &[crate::model::TextDocument],
        templates: &TemplateStore,
        diags: &mut Diagnostics,
    ) -> Option<Plan> {
        let mut plan = Plan::without_seating(ds);
        let errors = diags.count(crate::diag::Severity::Error);
        if !ds.hall.is_empty() {
            let policy = Policy { side: ds.honour_side };
            plan.seating = seating::assign(ds, &plan.protocol, policy, ds.hall_loc.clone(), diags);
        }
        plan.awards = awards::plan(ds, templates, diags).unwrap_or_default();
        plan.script = script::plan(ds, &plan.protocol, &plan.presidium, &plan.awards, templates, diags);
        plan.summary = summary::plan(ds, templates, diags);
        plan.votes = votes::plan(ds, diags);
        plan.documents = documents::plan(docs, Some(ds), plan.summary.as_ref(), diags).unwrap_or_default();
        (diags.count(crate::diag::Severity::Error) == errors).then_some(plan)
    }

    /// Everything but the seats.
    pub(crate) fn without_seating(ds: &Dataset) -> Plan {
        let mut protocol: Vec<usize> = (0..ds.delegates.len()).collect();
        protocol.sort_by_cached_key(|&i| {
            let d = &ds.delegates[i];
            (d.group, d.rank.unwrap_or(u32::MAX), name_sort_key(&d.name), i)
        });
        let invitees: Vec<usize> = protocol.iter().copied().filter(|&i| ds.delegates[i].invited).collect();
        let chair = protocol.iter().copied().find(|&i| ds.delegates[i].has_role(Role::Chair));
        let presidium = protocol::presidium(ds, &protocol);

        // A name alone names the file; people who share a name (among the invitees) add
        // their id, so adding or moving other people never renames anyone's file; names and
        // ids that slug alike still get files of their own (`unique_stems`).
        let wishes: Vec<StemWish> =
            invitees.iter().map(|&i| StemWish { name: &ds.delegates[i].name, id: &ds.delegates[i].id }).collect();
        let mut file_stems: Vec<String> = ds.delegates.iter().map(|d| slug(&d.name)).collect();
        for (&i, stem) in invitees.iter().zip(unique_stems(&wishes)) {
            file_stems[i] = stem;
        }
        Plan {
            protocol,
            invitees,
            chair,
            presidium,
            file_stems,
            seating: None,
            awards: AwardsPlan::default(),
            script: None,
            summary: None,
            documents: Vec::new(),
            votes: Vec::new(),
        }
    }
}
