namespace Nominations.Api.Data.EntityConfigurations;

/// <summary>Column sizes shared by the configurations and the hand-written migrations.</summary>
internal static class Columns
{
    public const int Party = 3;
    public const int Enum = 32;
    public const int ReviewId = 100;
    public const int Name = 200;
    public const int Title = 120;
    public const int Email = 254;
    public const int Phone = 40;
    public const int Subject = 200;
    public const int Reason = 2000;
    public const int TaskTitle = 300;
    public const int TaskDescription = 4000;

    /// <summary>The partial unique index: at most one active focal point per party and scope.</summary>
    public const string OneActiveFocalPointIndex = "IX_Nominations_OneActiveFocalPointPerScope";

    public const string OneActiveFocalPointFilter = "\"Role\" = 'FocalPoint' AND \"Status\" = 'Active'";
}
