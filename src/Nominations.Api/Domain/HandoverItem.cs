namespace Nominations.Api.Domain;

/// <summary>One task in a handover, as it was when handed over.</summary>
public sealed record HandoverItem(Guid TaskId, string Title, Guid? FromNominationId);
