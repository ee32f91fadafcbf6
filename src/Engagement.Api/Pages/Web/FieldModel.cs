namespace Engagement.Api.Pages.Web;

/// <summary>One form field's name and error, for the _Field partial.</summary>
public sealed record FieldModel(string Name, string? Error);
