using ReviewMechanism.ServiceDefaults.Errors;

namespace Nominations.Api.Domain.Validation;

/// <summary>Collects every bad field of a request, so the caller learns all of them at once.</summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _items = [];

    public bool Any => _items.Count > 0;

    public void Add(string field, string description) => _items.Add(new FieldViolation(field, description));

    public void ThrowIfAny()
    {
        if (_items.Count > 0)
        {
            throw DomainException.Invalid(_items.ToArray());
        }
    }
}
