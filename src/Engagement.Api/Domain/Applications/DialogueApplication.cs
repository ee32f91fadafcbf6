using Engagement.Api.Domain.Common;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Domain.Applications;

/// <summary>
/// An organization's application to a constructive dialogue. It counts from the moment its contact's e-mail is
/// verified (<see cref="ArrivalNumber"/> gives the order in which applications started to count). Seats are taken
/// and given back only through the seat ledger (Application/SeatLedger), which keeps the dialogue's counters.
/// </summary>
public sealed class DialogueApplication
{
    private DialogueApplication()
    {
    }

    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public Guid DialogueId { get; private set; }

    public Organization Organization { get; private set; } = null!;

    /// <summary>Kept in its own column for the duplicate index.</summary>
    public string OrganizationKey { get; private set; } = "";

    public string ContactName { get; private set; } = "";

    public string ContactEmail { get; private set; } = "";

    public string ContactEmailKey { get; private set; } = "";

    public string Expertise { get; private set; } = "";

    public ParticipationMode RequestedMode { get; private set; }

    public bool TravelSupportRequested { get; private set; }

    /// <summary>The language of the mails to the contact (en, fr).</summary>
    public string Language { get; private set; } = "en";

    public ApplicationStatus Status { get; private set; }

    public ExpertiseAssessment ExpertiseAssessment { get; private set; } = ExpertiseAssessment.NotAssessed;

    public Attendance Attendance { get; private set; } = Attendance.NotRecorded;

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The secretariat member who recorded the decision; null when automatic.</summary>
    public string? DecidedBy { get; private set; }

    public long? ArrivalNumber { get; private set; }

    /// <summary>Order on the waitlist (lower first); set while waitlisted.</summary>
    public long? WaitlistNumber { get; private set; }

    /// <summary>SHA-256 of the verification link's token (the token itself is only in the mail).</summary>
    public string? VerificationTokenHash { get; private set; }

    public DateTimeOffset? VerificationExpiresAt { get; private set; }

    public string IdempotencyKey { get; private set; } = "";

    /// <summary>Hash of the first request sent with <see cref="IdempotencyKey"/>: a reuse with other content is refused.</summary>
    public string RequestFingerprint { get; private set; } = "";

    /// <summary>Who submitted it: <c>web</c>, or the partner system's client id, or a secretariat member.</summary>
    public string SubmittedBy { get; private set; } = "";

    public uint Version { get; private set; }

    public bool Counts => Status is not (ApplicationStatus.PendingVerification or ApplicationStatus.Withdrawn);

    public bool HoldsSeat => Status is ApplicationStatus.ApprovedInPerson or ApplicationStatus.ApprovedOnline;

    public ParticipationMode? SeatMode => Status switch
    {
        ApplicationStatus.ApprovedInPerson => ParticipationMode.InPerson,
        ApplicationStatus.ApprovedOnline => ParticipationMode.Online,
        _ => null,
    };

    public string Subject => $"application/{Reference}";

    public static DialogueApplication Submit(
        Guid dialogueId, ApplicationDetails details, string contactEmail, string idempotencyKey, string fingerprint,
        string submittedBy, DateTimeOffset now)
    {
        var application = new DialogueApplication
        {
            Id = Guid.CreateVersion7(now),
            Reference = ApplicationReference.New(),
            DialogueId = dialogueId,
            ContactEmail = contactEmail.Trim(),
            ContactEmailKey = Common.EmailAddress.Normalize(contactEmail),
            Status = ApplicationStatus.PendingVerification,
            SubmittedAt = now,
            IdempotencyKey = idempotencyKey,
            RequestFingerprint = fingerprint,
            SubmittedBy = submittedBy,
        };
        application.Apply(details);
        return application;
    }

    public void AwaitVerification(string tokenHash, DateTimeOffset expiresAt)
    {
        VerificationTokenHash = tokenHash;
        VerificationExpiresAt = expiresAt;
    }

    /// <summary>The contact's address is confirmed: the application counts from now, in arrival order.</summary>
    public void MarkVerified(long arrivalNumber, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.PendingVerification)
        {
            throw DomainException.Precondition("ALREADY_VERIFIED", Subject, "This application is already confirmed.");
        }
        Status = ApplicationStatus.Submitted;
        VerifiedAt = now;
        ArrivalNumber = arrivalNumber;
        VerificationTokenHash = null;
        VerificationExpiresAt = null;
    }

    public void Change(ApplicationDetails details)
    {
        EnsureNotWithdrawn();
        var decided = Status is not (ApplicationStatus.PendingVerification or ApplicationStatus.Submitted);
        if (decided && (details.Organization.NormalizedName != OrganizationKey || details.Organization.Category != Organization.Category
            || details.Organization.Country != Organization.Country))
        {
            throw DomainException.Precondition("ALREADY_DECIDED", Subject,
                "The Extended Bureau decided on this organization: its name, category and country can no longer change. Withdraw and apply again instead.");
        }
        Apply(details);
    }

    /// <summary>Only the seat ledger calls the seat-changing transitions below (it keeps the counters).</summary>
    internal void Approve(ParticipationMode mode, DateTimeOffset now, string? decidedBy)
    {
        Status = mode == ParticipationMode.InPerson ? ApplicationStatus.ApprovedInPerson : ApplicationStatus.ApprovedOnline;
        WaitlistNumber = null;
        Decided(now, decidedBy);
    }

    internal void PutOnWaitlist(long waitlistNumber, DateTimeOffset now, string? decidedBy)
    {
        Status = ApplicationStatus.Waitlisted;
        WaitlistNumber = waitlistNumber;
        Decided(now, decidedBy);
    }

    internal void Decline(DateTimeOffset now, string decidedBy)
    {
        Status = ApplicationStatus.Declined;
        WaitlistNumber = null;
        Decided(now, decidedBy);
    }

    internal void Withdraw()
    {
        EnsureNotWithdrawn();
        Status = ApplicationStatus.Withdrawn;
        WaitlistNumber = null;
    }

    /// <summary>Back to "awaiting a decision" in the requested mode (after the applicant changed the mode).</summary>
    internal void Undecide()
    {
        Status = ApplicationStatus.Submitted;
        WaitlistNumber = null;
        DecidedAt = null;
        DecidedBy = null;
    }

    public void AssessExpertise(ExpertiseAssessment assessment)
    {
        EnsureNotWithdrawn();
        ExpertiseAssessment = assessment;
    }

    public void RecordAttendance(Attendance attendance)
    {
        if (!HoldsSeat)
        {
            throw DomainException.Precondition("NOT_APPROVED", Subject, "Attendance is recorded for approved participants only.");
        }
        Attendance = attendance;
    }

    public void EnsureNotWithdrawn()
    {
        if (Status == ApplicationStatus.Withdrawn)
        {
            throw DomainException.Precondition("ALREADY_WITHDRAWN", Subject, "This application was withdrawn.");
        }
    }

    private void Decided(DateTimeOffset now, string? decidedBy)
    {
        DecidedAt = now;
        DecidedBy = decidedBy;
    }

    private void Apply(ApplicationDetails details)
    {
        Organization = details.Organization;
        OrganizationKey = details.Organization.NormalizedName;
        ContactName = details.ContactName;
        Expertise = details.Expertise;
        RequestedMode = details.RequestedMode;
        TravelSupportRequested = details.TravelSupportRequested;
        Language = details.Language;
    }
}
