namespace ReviewMechanism.ReverseProxy.Forwarder;

/// <summary>What went wrong while forwarding (YARP's ForwarderError, plus the size limit).</summary>
public enum ForwarderError
{
    None,

    /// <summary>The destination could not be reached or failed before answering (502).</summary>
    Request,

    /// <summary>No byte moved for the activity timeout before the response headers (504).</summary>
    RequestTimedOut,

    /// <summary>The client went away before the response headers.</summary>
    RequestCanceled,

    /// <summary>Reading the client's request body failed.</summary>
    RequestBodyClient,

    /// <summary>Sending the request body to the destination failed.</summary>
    RequestBodyDestination,

    /// <summary>The request body or a gRPC request message exceeded the route's limit (413 / RESOURCE_EXHAUSTED).</summary>
    RequestBodyTooLarge,

    /// <summary>The destination's response headers could not be copied.</summary>
    ResponseHeaders,

    /// <summary>Reading the response body from the destination failed (a reset or a dropped connection) after the response started.</summary>
    ResponseBodyDestination,

    /// <summary>Writing the response body to the client failed.</summary>
    ResponseBodyClient,

    /// <summary>The response body copy was cancelled: the client went away.</summary>
    ResponseBodyCanceled,

    /// <summary>No byte moved for the activity timeout after the response started.</summary>
    ResponseActivityTimeout,

    /// <summary>The cluster has no destination that passive health allows, or none is configured (503).</summary>
    NoAvailableDestinations,
}
