namespace Reviews.Api.Domain.Drawing;

/// <summary>The two reviewing places of a country review (para 28).</summary>
public enum ReviewerSlot
{
    /// <summary>The reviewer from the party under review's own regional group.</summary>
    SameRegion = 1,

    /// <summary>The reviewer from a different regional group.</summary>
    OtherRegion = 2,
}
