namespace Nominations.Api.Domain;

/// <summary>The role a party nominates a person for.</summary>
public enum NominationRole
{
    /// <summary>Coordinates the party's participation and clears every final submission.</summary>
    FocalPoint = 1,

    /// <summary>Drafts SAQ answers, written feedback and observations.</summary>
    GovernmentalExpert = 2,

    /// <summary>Read-only access to the reviews of its party.</summary>
    Observer = 3,
}
