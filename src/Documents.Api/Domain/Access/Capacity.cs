using Documents.Api.Domain.Reviews;

namespace Documents.Api.Domain.Access;

/// <summary>The caller acts for <see cref="Party"/> as <see cref="Role"/> in the review at hand.</summary>
public sealed record Capacity(string Party, PersonRole Role)
{
    public bool Writes => Role is PersonRole.FocalPoint or PersonRole.GovernmentalExpert;
}
