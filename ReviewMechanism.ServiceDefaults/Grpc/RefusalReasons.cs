namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>
/// The ErrorInfo reasons (domain <see cref="GrpcErrors.ErrorDomain"/>) of the statuses sent before any RPC code ran:
/// by the authorization of every service and by the gateway. Domain refusals use their own stable codes
/// (<see cref="Errors.DomainException.Code"/>); these complete the one vocabulary a client reads.
/// </summary>
public static class RefusalReasons
{
    /// <summary>UNAUTHENTICATED: no access token was sent.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>UNAUTHENTICATED: the access token was refused (expired, revoked, wrong issuer or audience, bad signature).</summary>
    public const string TokenRefused = "TOKEN_REFUSED";

    /// <summary>UNAVAILABLE: tokens cannot be checked right now (the identity service's signing keys are unreachable).</summary>
    public const string TokenCheckUnavailable = "TOKEN_CHECK_UNAVAILABLE";

    /// <summary>PERMISSION_DENIED: the caller lacks the role, policy or scope the RPC or route requires (metadata <c>requires</c>).</summary>
    public const string CallerNotAllowed = "CALLER_NOT_ALLOWED";

    /// <summary>RESOURCE_EXHAUSTED: the caller is over a rate limit (with google.rpc.RetryInfo).</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>UNAVAILABLE: the rate limits cannot be checked (their store is unreachable), so requests are refused.</summary>
    public const string RateLimitingUnavailable = "RATE_LIMITING_UNAVAILABLE";

    /// <summary>RESOURCE_EXHAUSTED: the request body is over the route's size limit.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>UNAVAILABLE: the service could not be reached or has no healthy or configured instance (metadata <c>service</c>).</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>UNAVAILABLE: the service did not answer within the gateway's activity timeout (it may have acted on the call).</summary>
    public const string ServiceTimeout = "SERVICE_TIMEOUT";

    /// <summary>UNIMPLEMENTED: no gRPC service is routed at the called path.</summary>
    public const string NotRouted = "NOT_ROUTED";

    /// <summary>UNIMPLEMENTED: the service serves no such RPC (metadata <c>method</c>).</summary>
    public const string UnknownMethod = "UNKNOWN_METHOD";
}
