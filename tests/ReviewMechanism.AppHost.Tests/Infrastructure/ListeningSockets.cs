using System.Globalization;
using System.Net;

namespace ReviewMechanism.AppHost.Tests.Infrastructure;

/// <summary>The TCP sockets in LISTEN state of given processes, from /proc/net/tcp{,6} and each process's fds.</summary>
public static class ListeningSockets
{
    public sealed record Listener(int Pid, string Process, IPAddress Address, int Port)
    {
        public override string ToString() => $"{Process} (pid {Pid}) on {Address}:{Port}";
    }

    public static IReadOnlyList<Listener> Of(IEnumerable<int> pids)
    {
        var listening = ReadTable("/proc/net/tcp", ipv6: false).Concat(ReadTable("/proc/net/tcp6", ipv6: true))
            .GroupBy(s => s.Inode).ToDictionary(g => g.Key, g => g.First());
        var result = new List<Listener>();
        foreach (var pid in pids)
        {
            string[] fds;
            try
            {
                fds = Directory.GetFiles($"/proc/{pid}/fd");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var fd in fds)
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                    && listening.TryGetValue(target[8..^1], out var socket))
                {
                    result.Add(new Listener(pid, ProcessTree.CommandLine(pid).Split(' ')[0], socket.Address, socket.Port));
                }
            }
        }
        return result;
    }

    private static IEnumerable<(string Inode, IPAddress Address, int Port)> ReadTable(string path, bool ipv6)
    {
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields[3] != "0A")
            {
                continue; // not LISTEN
            }
            var local = fields[1].Split(':');
            yield return (fields[9], ParseAddress(local[0], ipv6), int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>/proc/net/tcp prints each 32-bit word of the address in host (little-endian) order.</summary>
    private static IPAddress ParseAddress(string hex, bool ipv6)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }
        return new IPAddress(ipv6 ? bytes : bytes[..4]);
    }
}
