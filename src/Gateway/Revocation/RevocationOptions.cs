namespace Gateway.Revocation;

/// <summary><c>Gateway:Revocation</c>: the revocation list identity writes in Redis (CONTRACTS.md, "Revocation within 5 s").</summary>
public sealed class RevocationOptions
{
    /// <summary>On by default; needs <c>ConnectionStrings:redis</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The channel identity publishes each new key on.</summary>
    public string Channel { get; set; } = "revocations";

    /// <summary>Keys are <c>{KeyPrefix}jti:&lt;jti&gt;</c> and <c>{KeyPrefix}sub:&lt;sub&gt;</c>.</summary>
    public string KeyPrefix { get; set; } = "revoked:";

    /// <summary>
    /// Every key is read again this often, besides on start and after each reconnection: a safety net for a
    /// published message lost while the subscription was being re-established.
    /// </summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the start of the gateway waits for the first load before it serves anyway (with a warning).</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
