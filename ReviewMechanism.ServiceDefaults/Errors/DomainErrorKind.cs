namespace ReviewMechanism.ServiceDefaults.Errors;

/// <summary>What kind of rule a refused operation broke; the gRPC error interceptor maps it to a status code.</summary>
public enum DomainErrorKind
{
    /// <summary>The input itself is wrong (a bad code, four working languages, a date in the future): INVALID_ARGUMENT.</summary>
    InvalidArgument,

    /// <summary>Something named by the input does not exist (an unknown party, review or document): NOT_FOUND.</summary>
    NotFound,

    /// <summary>The thing to create is already there (a party, an application, a feedback already submitted): ALREADY_EXISTS.</summary>
    AlreadyExists,

    /// <summary>The input is fine but the current state does not allow it (a skipped stage, a fifth redraw): FAILED_PRECONDITION.</summary>
    FailedPrecondition,

    /// <summary>The caller may call the RPC but not on this resource (another party's draft): PERMISSION_DENIED.</summary>
    PermissionDenied,

    /// <summary>The resource changed since the caller read it (a stale version): ABORTED.</summary>
    Conflict,
}
