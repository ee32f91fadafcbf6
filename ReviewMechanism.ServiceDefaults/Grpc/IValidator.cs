using ReviewMechanism.ServiceDefaults.Errors;

namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>
/// Checks a request message before its handler runs. Register implementations in DI
/// (<c>services.AddSingleton&lt;IValidator&lt;SubmitNominationRequest&gt;, SubmitNominationValidator&gt;()</c>);
/// every validator of the request type runs, and any violation ends the call with INVALID_ARGUMENT carrying a
/// google.rpc.BadRequest that lists every wrong field. Streamed requests are checked one by one as they are read.
/// </summary>
public interface IValidator<in TRequest>
    where TRequest : class
{
    /// <summary>The request's problems; empty when it is valid.</summary>
    IEnumerable<FieldViolation> Validate(TRequest request);
}
