namespace Nominations.Api.Domain;

/// <summary>One bad field of a request, named by its path in the request (e.g. "person.email").</summary>
public sealed record FieldViolation(string Field, string Description);
