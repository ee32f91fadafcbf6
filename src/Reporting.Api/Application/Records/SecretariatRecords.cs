using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Reporting.Api.Application.Caching;
using Reporting.Api.Application.Reports;
using Reporting.Api.Data;
using Reporting.Api.Data.Records;
using ReviewMechanism.Reporting.V1;
using ReviewsV1 = ReviewMechanism.Reviews.V1;

namespace Reporting.Api.Application.Records;

/// <summary>
/// What the secretariat records itself for the report: the briefings and trainings it held for government officials,
/// and the parties' answers to the technical assistance survey. Each change moves the report cache on.
/// </summary>
public sealed partial class SecretariatRecords(ReportingDbContext db, IReportCache cache, TimeProvider time)
{
    public async Task<Briefing> RecordBriefingAsync(RecordBriefingRequest request, string by, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var heldOn = Day(request.HeldOn, "held_on", violations);
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            violations.Add(new FieldViolation("title", "Give the briefing a title (e.g. \"Briefing for the permanent missions of the African Group\")."));
        }
        var languages = Codes(request.Languages, LanguagePattern(), "languages", "a two-letter language code (ISO 639-1, e.g. en, fr, pt)", violations);
        var countries = Codes(request.Countries, CountryPattern(), "countries", "a three-letter country code (ISO3)", violations);
        if (request.Officials < 0)
        {
            violations.Add(new FieldViolation("officials", "The number of officials cannot be negative."));
        }
        ThrowIf(violations, "The briefing cannot be recorded");
        var record = new BriefingRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            HeldOn = heldOn!.Value,
            Title = request.Title.Trim(),
            Languages = [.. languages.Select(l => l.ToLowerInvariant())],
            Countries = [.. countries.Select(c => c.ToUpperInvariant())],
            Officials = request.Officials,
            RecordedBy = by,
            RecordedAt = time.GetUtcNow(),
        };
        db.Briefings.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync();
        var briefing = new Briefing
        {
            Id = record.Id.ToString(),
            HeldOn = request.HeldOn,
            Title = record.Title,
            Officials = record.Officials,
            RecordedBy = by,
            RecordedAt = Timestamp.FromDateTimeOffset(record.RecordedAt),
        };
        briefing.Languages.AddRange(record.Languages);
        briefing.Countries.AddRange(record.Countries);
        return briefing;
    }

    /// <summary>Records a party's survey answer; a later answer of the same party replaces the earlier one.</summary>
    public async Task<TechnicalAssistanceSurveyResponse> RecordSurveyResponseAsync(RecordTechnicalAssistanceSurveyResponseRequest request, string by, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var party = Codes([request.Party], CountryPattern(), "party", "the party's three-letter code (ISO3)", violations).FirstOrDefault()?.ToUpperInvariant();
        var receivedOn = Day(request.ReceivedOn, "received_on", violations);
        var needs = request.Needs.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (needs.Length == 0)
        {
            violations.Add(new FieldViolation("needs", "List at least one need the party identified."));
        }
        ThrowIf(violations, "The survey answer cannot be recorded");
        var record = await db.SurveyResponses.SingleOrDefaultAsync(r => r.Party == party, cancellationToken);
        if (record is null)
        {
            record = new SurveyResponseRecord { Party = party! };
            db.SurveyResponses.Add(record);
        }
        record.ReceivedOn = receivedOn!.Value;
        record.Needs = needs;
        record.RecordedBy = by;
        record.RecordedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync();
        var response = new TechnicalAssistanceSurveyResponse { Party = record.Party, ReceivedOn = request.ReceivedOn, RecordedBy = by };
        response.Needs.AddRange(record.Needs);
        return response;
    }

    private DateOnly? Day(ReviewsV1.Date? date, string field, List<FieldViolation> violations)
    {
        if (date is null || !DateOnly.TryParseExact($"{date.Year:0000}-{date.Month:00}-{date.Day:00}", "yyyy-MM-dd", out var day))
        {
            violations.Add(new FieldViolation(field, "Give a valid calendar date."));
            return null;
        }
        if (day > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
        {
            violations.Add(new FieldViolation(field, $"{day:yyyy-MM-dd} is in the future."));
            return null;
        }
        return day;
    }

    private static List<string> Codes(IEnumerable<string> values, Regex pattern, string field, string what, List<FieldViolation> violations)
    {
        var codes = values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var bad in codes.Where(c => !pattern.IsMatch(c)))
        {
            violations.Add(new FieldViolation(field, $"\"{bad}\" is not {what}."));
        }
        if (codes.Count == 0 && field == "party")
        {
            violations.Add(new FieldViolation(field, $"Give {what}."));
        }
        return codes;
    }

    private static void ThrowIf(List<FieldViolation> violations, string what)
    {
        if (violations.Count > 0)
        {
            throw DomainException.Invalid($"{what}: {violations[0].Description}", violations);
        }
    }

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex CountryPattern();
}
