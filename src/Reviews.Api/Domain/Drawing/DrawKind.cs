namespace Reviews.Api.Domain.Drawing;

public enum DrawKind
{
    /// <summary>Parties split by lot into the groups that start a year apart (para 17).</summary>
    GroupSplit = 1,

    /// <summary>Reviewers drawn for every party under review of a group (para 28).</summary>
    Pairing = 2,

    /// <summary>A pairing drawn again at a party's request (para 28 (d), (f)).</summary>
    Redraw = 3,

    /// <summary>A split into groups drawn by lot elsewhere (at a session of the Conference) and recorded as given.</summary>
    RecordedGroupSplit = 4,
}
