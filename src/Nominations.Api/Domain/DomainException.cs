namespace Nominations.Api.Domain;

/// <summary>
/// A command refused by a rule. <see cref="Code"/> is a stable machine-readable reason
/// (e.g. <c>FOCAL_POINT_ALREADY_ACTIVE</c>); the message is for people.
/// </summary>
public sealed class DomainException : Exception
{
    private DomainException(DomainErrorKind kind, string code, string message, IReadOnlyList<FieldViolation> violations, string? subject)
        : base(message)
    {
        Kind = kind;
        Code = code;
        Violations = violations;
        Subject = subject;
    }

    public DomainErrorKind Kind { get; }

    public string Code { get; }

    public IReadOnlyList<FieldViolation> Violations { get; }

    /// <summary>What the refusal is about (e.g. "party/KEN", "review/R-1"), for precondition details.</summary>
    public string? Subject { get; }

    public static DomainException Invalid(IReadOnlyList<FieldViolation> violations)
    {
        var message = violations.Count == 1
            ? $"Invalid {violations[0].Field}: {violations[0].Description}"
            : "Invalid request: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
        return new DomainException(DomainErrorKind.InvalidArgument, "INVALID_ARGUMENT", message, violations, null);
    }

    public static DomainException NotFound(string code, string subject, string message) =>
        new(DomainErrorKind.NotFound, code, message, [], subject);

    public static DomainException AlreadyExists(string code, string subject, string message) =>
        new(DomainErrorKind.AlreadyExists, code, message, [], subject);

    public static DomainException Precondition(string code, string subject, string message) =>
        new(DomainErrorKind.FailedPrecondition, code, message, [], subject);

    public static DomainException Denied(string code, string subject, string message) =>
        new(DomainErrorKind.PermissionDenied, code, message, [], subject);

    public static DomainException Conflict(string subject, string message) =>
        new(DomainErrorKind.Conflict, "CONCURRENT_CHANGE", message, [], subject);
}
