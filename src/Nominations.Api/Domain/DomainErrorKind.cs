namespace Nominations.Api.Domain;

/// <summary>What kind of refusal a <see cref="DomainException"/> is (the gRPC layer maps it to a status).</summary>
public enum DomainErrorKind
{
    /// <summary>A field is missing or malformed; <see cref="DomainException.Violations"/> says which.</summary>
    InvalidArgument,

    /// <summary>An unknown party, review, nomination or task.</summary>
    NotFound,

    /// <summary>A duplicate: a second active focal point, the same person twice in one role and scope.</summary>
    AlreadyExists,

    /// <summary>The state does not allow it: a party outside the review, an ended nomination, a completed task.</summary>
    FailedPrecondition,

    /// <summary>The actor may not act for this party.</summary>
    PermissionDenied,

    /// <summary>A concurrent change won; the command can be retried.</summary>
    Conflict,
}
