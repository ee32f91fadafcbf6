namespace Reviews.Api.Domain.Common;

/// <summary>What kind of rule a refused operation broke; the gRPC layer maps it to a status code.</summary>
public enum DomainErrorKind
{
    /// <summary>The input itself is wrong (a bad code, four working languages, a date in the future).</summary>
    InvalidArgument,

    /// <summary>Something named by the input does not exist (an unknown party, review or draw).</summary>
    NotFound,

    /// <summary>The thing to create is already there (a party, a ratification, a feedback already submitted).</summary>
    AlreadyExists,

    /// <summary>The input is fine but the current state does not allow it (a skipped stage, a fifth redraw).</summary>
    FailedPrecondition,
}
