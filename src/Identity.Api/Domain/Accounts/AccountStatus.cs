namespace Identity.Api.Domain.Accounts;

/// <summary>Where a person's account stands in the lifecycle: nomination, activation, approval.</summary>
public enum AccountStatus
{
    /// <summary>Created from a nomination; the person has not used the activation link yet.</summary>
    PendingActivation = 0,

    /// <summary>Password set and profile submitted; the Secretariat has not approved it yet.</summary>
    AwaitingApproval = 1,

    /// <summary>Approved by the Secretariat: the person may sign in and receive tokens.</summary>
    Active = 2,

    /// <summary>Disabled by the Secretariat (e.g. all nominations withdrawn): no sign-in, no tokens.</summary>
    Disabled = 3,
}
