namespace Engagement.Api.Domain.Common;

/// <summary>
/// Who an organization is. NGOs (irrespective of ECOSOC status), academia and the private sector apply to a
/// constructive dialogue; States parties, signatories, non-signatories and IGOs attend without applying.
/// </summary>
public enum StakeholderCategory
{
    Ngo = 1,
    Academia = 2,
    PrivateSector = 3,
    StateParty = 4,
    Signatory = 5,
    NonSignatory = 6,
    IntergovernmentalOrganization = 7,
}
