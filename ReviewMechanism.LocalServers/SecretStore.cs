using System.Security.Cryptography;

namespace ReviewMechanism.LocalServers;

/// <summary>
/// Passwords generated on first use and kept in the data folder (mode 600), never in the repository.
/// </summary>
public static class SecretStore
{
    public static string GetOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return secret;
    }
}
