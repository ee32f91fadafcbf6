namespace Reviews.Api.Domain.Common;

/// <summary>One wrong field of a request, named as the caller sent it.</summary>
public sealed record FieldViolation(string Field, string Description);
