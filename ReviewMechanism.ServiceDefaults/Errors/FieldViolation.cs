namespace ReviewMechanism.ServiceDefaults.Errors;

/// <summary>One wrong field of a request, named as the caller sent it (google.rpc.BadRequest.FieldViolation).</summary>
public sealed record FieldViolation(string Field, string Description);
