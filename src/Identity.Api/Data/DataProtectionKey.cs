namespace Identity.Api.Data;

/// <summary>An ASP.NET Core Data Protection key (cookies, antiforgery, encrypted signing keys), shared by replicas.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
