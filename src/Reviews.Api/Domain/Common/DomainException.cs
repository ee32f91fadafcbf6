namespace Reviews.Api.Domain.Common;

/// <summary>
/// A rule of the review process refused an operation. The message is written for the user; nothing was changed.
/// </summary>
public sealed class DomainException : Exception
{
    private DomainException(DomainErrorKind kind, string message, string constraint, string subject, IReadOnlyList<FieldViolation> violations)
        : base(message)
    {
        Kind = kind;
        Constraint = constraint;
        Subject = subject;
        Violations = violations;
    }

    public DomainErrorKind Kind { get; }

    /// <summary>A stable name of the rule (e.g. <c>STAGE_ORDER</c>, <c>REDRAW_LIMIT</c>, <c>WORKLOAD_CAP</c>).</summary>
    public string Constraint { get; }

    /// <summary>What the rule is about (e.g. <c>country-review/DEU-C1</c>, <c>party/FRA</c>).</summary>
    public string Subject { get; }

    public IReadOnlyList<FieldViolation> Violations { get; }

    public static DomainException Invalid(string field, string message) =>
        new(DomainErrorKind.InvalidArgument, message, "INVALID_ARGUMENT", field, [new FieldViolation(field, message)]);

    public static DomainException Invalid(string message, IReadOnlyList<FieldViolation> violations) =>
        new(DomainErrorKind.InvalidArgument, message, "INVALID_ARGUMENT", violations.Count > 0 ? violations[0].Field : "", violations);

    public static DomainException NotFound(string subject, string message) =>
        new(DomainErrorKind.NotFound, message, "NOT_FOUND", subject, []);

    public static DomainException AlreadyExists(string subject, string message) =>
        new(DomainErrorKind.AlreadyExists, message, "ALREADY_EXISTS", subject, []);

    public static DomainException Precondition(string constraint, string subject, string message) =>
        new(DomainErrorKind.FailedPrecondition, message, constraint, subject, []);
}
