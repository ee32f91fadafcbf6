namespace ReviewMechanism.Grpc.Server.Validation;

/// <summary>
/// Checks a request message before its handler runs. Register implementations in DI
/// (<c>services.AddSingleton&lt;IValidator&lt;SubmitNominationRequest&gt;, SubmitNominationValidator&gt;()</c>);
/// every validator of the request type runs, and any violation ends the call with INVALID_ARGUMENT
/// carrying a google.rpc.BadRequest that lists the fields. Streamed requests are checked one by one.
/// </summary>
public interface IValidator<in TRequest>
    where TRequest : class
{
    /// <summary>The request's problems; empty when it is valid.</summary>
    IEnumerable<FieldViolation> Validate(TRequest request);
}

/// <summary>One wrong field: its proto field path (e.g. <c>country_review.id</c>) and what is wrong, in plain words.</summary>
public readonly record struct FieldViolation(string Field, string Description);
