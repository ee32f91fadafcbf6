using Engagement.Api.Data;
using Engagement.Api.Data.EntityConfigurations;
using Engagement.Api.Domain.Common;
using Engagement.Api.Domain.Trainings;
using Engagement.Api.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Application;

/// <summary>SE4U trainings: scheduling, registrations (alone or nominated by an organization), cancellations, completions.</summary>
public sealed class TrainingUseCases(EngagementDbContext db, EngagementIntegrationEvents events, TimeProvider time)
{
    public async Task<Training> ScheduleAsync(
        TrainingKind kind, string title, string description, IReadOnlyList<string> languages, DateOnly startsOn, DateOnly endsOn,
        int workloadHours, DateOnly lastDayToRegister, string? timeZoneId, string? idempotencyKey, CancellationToken ct = default)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey;
        if (key is not null && await db.Trainings.AsNoTracking().SingleOrDefaultAsync(t => t.IdempotencyKey == key, ct) is { } earlier)
        {
            return earlier;
        }
        var training = Training.Schedule(kind, title, description, languages, startsOn, endsOn, workloadHours, lastDayToRegister,
            string.IsNullOrWhiteSpace(timeZoneId) ? LocalDeadline.Vienna : timeZoneId, key, time.GetUtcNow());
        try
        {
            return await db.InTransactionAsync(c =>
            {
                db.Trainings.Add(training);
                return Task.FromResult(training);
            }, ct);
        }
        catch (DbUpdateException e) when (e.ViolatedUniqueIndex() == "ux_trainings_idempotency_key")
        {
            return await db.Trainings.AsNoTracking().SingleAsync(t => t.IdempotencyKey == key, ct);
        }
    }

    public Task<List<Training>> ListAsync(DateOnly? startsFrom, CancellationToken ct = default) =>
        (startsFrom is { } from ? db.Trainings.AsNoTracking().Where(t => t.StartsOn >= from) : db.Trainings.AsNoTracking())
            .OrderBy(t => t.StartsOn).ToListAsync(ct);

    public async Task<TrainingRegistration> RegisterAsync(
        Guid trainingId, string fullName, string email, string organization, StakeholderCategory category, string country, string language,
        string? nominatingOrganization, string idempotencyKey, Actor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > ApplicationUseCases.MaxIdempotencyKeyLength)
        {
            throw DomainException.Invalid("idempotency_key", "Send a unique key with each new registration.");
        }
        var key = $"{actor.SubmitterName}:{idempotencyKey}";
        if (await db.TrainingRegistrations.AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == key, ct) is { } earlier)
        {
            return earlier;
        }
        var training = await GetTrainingAsync(trainingId, ct);
        try
        {
            return await db.InTransactionAsync(c =>
            {
                var registration = TrainingRegistration.Register(training, fullName, email, organization, category, country?.Trim().ToUpperInvariant() ?? "",
                    language, nominatingOrganization, key, actor.SubmitterName, time.GetUtcNow());
                db.TrainingRegistrations.Add(registration);
                events.TrainingRegistered(training, registration);
                return Task.FromResult(registration);
            }, ct);
        }
        catch (DbUpdateException e) when (e.ViolatedUniqueIndex() == "ux_training_registrations_idempotency_key")
        {
            return await db.TrainingRegistrations.AsNoTracking().SingleAsync(r => r.IdempotencyKey == key, ct);
        }
        catch (DbUpdateException e) when (e.ViolatedUniqueIndex() == TrainingRegistrationConfiguration.DuplicateIndex)
        {
            throw DomainException.AlreadyExists("DUPLICATE_REGISTRATION", "email", "This person is already registered to this training.");
        }
    }

    public Task<TrainingRegistration> CancelAsync(Guid registrationId, Actor actor, CancellationToken ct = default) =>
        db.InTransactionAsync(async c =>
        {
            var registration = await LoadAsync(registrationId, actor, c);
            if (registration.Status == RegistrationStatus.Cancelled)
            {
                return registration;
            }
            registration.Cancel();
            events.TrainingCancelled(await GetTrainingAsync(registration.TrainingId, c), registration);
            return registration;
        }, ct);

    public Task<TrainingRegistration> CompleteAsync(Guid registrationId, Actor actor, CancellationToken ct = default) =>
        db.InTransactionAsync(async c =>
        {
            var registration = await LoadAsync(registrationId, actor, c);
            if (registration.Status == RegistrationStatus.Completed)
            {
                return registration;
            }
            registration.Complete(time.GetUtcNow());
            events.TrainingCompleted(await GetTrainingAsync(registration.TrainingId, c), registration);
            return registration;
        }, ct);

    public Task<List<TrainingRegistration>> ListRegistrationsAsync(Guid trainingId, CancellationToken ct = default) =>
        db.TrainingRegistrations.AsNoTracking().Where(r => r.TrainingId == trainingId).OrderBy(r => r.RegisteredAt).ToListAsync(ct);

    public async Task<(int Registered, int Completed)> CountsAsync(Guid trainingId, CancellationToken ct = default)
    {
        var counts = await db.TrainingRegistrations.AsNoTracking().Where(r => r.TrainingId == trainingId)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var completed = counts.FirstOrDefault(c => c.Key == RegistrationStatus.Completed)?.Count ?? 0;
        return ((counts.FirstOrDefault(c => c.Key == RegistrationStatus.Registered)?.Count ?? 0) + completed, completed);
    }

    public async Task<Training> GetTrainingAsync(Guid trainingId, CancellationToken ct = default) =>
        await db.Trainings.AsNoTracking().SingleOrDefaultAsync(t => t.Id == trainingId, ct)
        ?? throw DomainException.NotFound("TRAINING_NOT_FOUND", $"training/{trainingId}", "No such training.");

    private async Task<TrainingRegistration> LoadAsync(Guid registrationId, Actor actor, CancellationToken ct)
    {
        var registration = await db.TrainingRegistrations.SingleOrDefaultAsync(r => r.Id == registrationId, ct)
            ?? throw DomainException.NotFound("REGISTRATION_NOT_FOUND", $"training-registration/{registrationId}", "No such registration.");
        if (actor.Kind == ActorKind.Partner && registration.SubmittedBy != actor.SubmitterName)
        {
            throw DomainException.Denied("NOT_YOUR_REGISTRATION", $"training-registration/{registrationId}", "This registration was made by someone else.");
        }
        return registration;
    }
}
