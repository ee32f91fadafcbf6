using Engagement.Api.Domain.Applications;

namespace Engagement.Api.Application;

/// <summary>
/// A verified application waiting in the <see cref="ArrivalQueue"/> for its batch, already checked field by field.
/// Its caller is answered (<see cref="Completion"/>) only after the batch's transaction committed, or with the refusal
/// that concerns it alone.
/// </summary>
public sealed class PendingArrival(SubmitApplication command, Actor actor, ApplicationDetails details, string key, string email, string fingerprint)
{
    public SubmitApplication Command { get; } = command;

    public Actor Actor { get; } = actor;

    /// <summary>The details, trimmed.</summary>
    public ApplicationDetails Details { get; } = details;

    /// <summary>The idempotency key as stored: the submitter's name and the client's key.</summary>
    public string Key { get; } = key;

    public string Email { get; } = email;

    public string Fingerprint { get; } = fingerprint;

    public TaskCompletionSource<DialogueApplication> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the batch decided for this arrival: the application (created or found by its key), or a refusal.</summary>
    internal DialogueApplication? Result { get; set; }

    internal Exception? Refusal { get; set; }

    /// <summary>An arrival sent again with the same key in the same batch: answered with the first one's outcome.</summary>
    internal PendingArrival? SameAs { get; set; }

    internal void Reset()
    {
        Result = null;
        Refusal = null;
        SameAs = null;
    }

    internal void Answer()
    {
        var source = SameAs ?? this;
        if (source.Refusal is { } refusal)
        {
            Completion.TrySetException(refusal);
        }
        else
        {
            Completion.TrySetResult(source.Result!);
        }
    }
}
