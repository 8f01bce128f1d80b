//! Which fields each form of the page shows, row by row. Every field of the scenario is in one
//! form exactly (tested): a field added to the schema and forgotten here fails the test.

use io::schema::{Field, MeetingField as M};

/// The convention's dates, fee and termination, row by row.
pub const CONVENTION: [&[Field]; 4] = [
    &[Field::Notified, Field::AnnualFee, Field::BillingUnit],
    &[Field::HorizonUntil, Field::ConventionSigned],
    &[Field::DeliberationPublished, Field::DeliberationTransmitted],
    &[
        Field::TerminationReceived,
        Field::TerminationDelegation,
        Field::TerminationActNumber,
        Field::TerminationActDate,
    ],
];

/// The fee's changes by avenant, under the convention (« Avenants : changements de
/// redevance »), a row per change.
pub const AVENANTS: Field = Field::FeeChanges;

/// The council meeting, the deliberation's number and the mayor, row by row.
pub const MEETING: [&[Field]; 15] = [
    &[
        Field::DeliberationNumber,
        Field::Meeting(M::Date),
        Field::Meeting(M::Time),
    ],
    &[Field::DeliberationRapporteur, Field::DeliberationExpose],
    &[Field::Meeting(M::Place)],
    &[
        Field::Meeting(M::Chair),
        Field::Meeting(M::ChairTitle),
        Field::Meeting(M::Secretary),
    ],
    &[Field::MayorName, Field::MayorTitle],
    &[
        Field::Meeting(M::Convened),
        Field::Meeting(M::Population),
        Field::Meeting(M::InOffice),
    ],
    &[
        Field::Meeting(M::Urgency),
        Field::Meeting(M::UrgencyReason),
        Field::Meeting(M::SynthesisNote),
    ],
    &[
        Field::Meeting(M::SecondConvocation),
        Field::Meeting(M::QuorumFailedOn),
    ],
    &[
        Field::Meeting(M::PresentCount),
        Field::Meeting(M::ProxiesCount),
        Field::Meeting(M::AbsentCount),
    ],
    &[Field::Meeting(M::Present)],
    &[Field::Meeting(M::Proxies), Field::Meeting(M::Absent)],
    &[Field::Meeting(M::NotVoting)],
    &[
        Field::Meeting(M::VoteFor),
        Field::Meeting(M::VoteAgainst),
        Field::Meeting(M::VoteAbstentions),
    ],
    &[
        Field::Meeting(M::SecretBallot),
        Field::Meeting(M::ChairVote),
    ],
    &[
        Field::Meeting(M::Committee),
        Field::Meeting(M::CommitteeOpinion),
    ],
];

#[cfg(test)]
mod tests {
    use super::*;
    use io::schema::{ContactField, Role};

    #[test]
    fn every_field_is_in_one_form_exactly() {
        let mut shown: Vec<Field> = Field::COMMUNE.to_vec();
        shown.extend(CONVENTION.iter().flat_map(|r| r.iter().copied()));
        shown.push(AVENANTS);
        shown.extend(MEETING.iter().flat_map(|r| r.iter().copied()));
        for role in Role::ALL {
            shown.extend(ContactField::ALL.map(|f| Field::Contact(role, f)));
        }
        for f in Field::ALL {
            let n = shown.iter().filter(|s| **s == f).count();
            assert_eq!(n, 1, "{f:?} is in {n} forms");
        }
        assert_eq!(shown.len(), Field::COUNT);
    }
}
