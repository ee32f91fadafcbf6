namespace ReviewMechanism.ServiceDefaults.Errors;

/// <summary>
/// A rule of the review process refused an operation; nothing was changed. Every service throws this one type
/// from its domain and use cases, and one gRPC interceptor turns it into a status with rich details.
/// <see cref="Code"/> is a stable machine-readable reason (e.g. <c>REDRAW_LIMIT</c>, <c>FOCAL_POINT_ALREADY_ACTIVE</c>);
/// the message is written for the user and quotes input only cut short.
/// </summary>
public sealed class DomainException : Exception
{
    private DomainException(DomainErrorKind kind, string code, string message, string subject, IReadOnlyList<FieldViolation> violations)
        : base(message)
    {
        Kind = kind;
        Code = code;
        Subject = subject;
        Violations = violations;
    }

    public DomainErrorKind Kind { get; }

    /// <summary>A stable name of the rule (e.g. <c>STAGE_ORDER</c>, <c>REDRAW_LIMIT</c>, <c>INVALID_ARGUMENT</c>).</summary>
    public string Code { get; }

    /// <summary>What the rule is about (e.g. <c>country-review/DEU-C1</c>, <c>party/FRA</c>); empty when nothing in particular.</summary>
    public string Subject { get; }

    /// <summary>The wrong fields, for <see cref="DomainErrorKind.InvalidArgument"/>.</summary>
    public IReadOnlyList<FieldViolation> Violations { get; }

    public static DomainException Invalid(string field, string message) =>
        new(DomainErrorKind.InvalidArgument, "INVALID_ARGUMENT", message, field, [new FieldViolation(field, message)]);

    /// <summary>Several wrong fields; the message names each.</summary>
    public static DomainException Invalid(IReadOnlyList<FieldViolation> violations)
    {
        var message = violations.Count == 1
            ? $"Invalid {violations[0].Field}: {violations[0].Description}"
            : "Invalid request: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
        return Invalid(message, violations);
    }

    public static DomainException Invalid(string message, IReadOnlyList<FieldViolation> violations) =>
        new(DomainErrorKind.InvalidArgument, "INVALID_ARGUMENT", message, violations.Count > 0 ? violations[0].Field : "", violations);

    public static DomainException NotFound(string code, string subject, string message) =>
        new(DomainErrorKind.NotFound, code, message, subject, []);

    public static DomainException AlreadyExists(string code, string subject, string message) =>
        new(DomainErrorKind.AlreadyExists, code, message, subject, []);

    public static DomainException Precondition(string code, string subject, string message) =>
        new(DomainErrorKind.FailedPrecondition, code, message, subject, []);

    public static DomainException Denied(string code, string subject, string message) =>
        new(DomainErrorKind.PermissionDenied, code, message, subject, []);

    public static DomainException Conflict(string subject, string message) =>
        new(DomainErrorKind.Conflict, "CONCURRENT_CHANGE", message, subject, []);
}
