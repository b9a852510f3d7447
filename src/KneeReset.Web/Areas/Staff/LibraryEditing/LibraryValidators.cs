using System.Text.RegularExpressions;
using FluentValidation;
using KneeReset.Web.Content;
using KneeReset.Web.Library;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

public static partial class SlugRule
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Pattern();

    public static IRuleBuilderOptions<T, string> ValidSlug<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Give it a short web name (slug), like \"glute-bridge\".")
            .MaximumLength(80).WithMessage("Keep the slug under 80 characters.")
            .Matches(Pattern()).WithMessage("The slug may use only lower-case letters, digits and single hyphens, like \"glute-bridge\".");
}

/// <summary>
/// An exercise as staff write it: registered for the Edit page's automatic validation, and run
/// again by <see cref="LibraryChecks"/> on every save; the same rules check imported files.
/// </summary>
public sealed class ExerciseFileValidator : AbstractValidator<ExerciseFile>
{
    public ExerciseFileValidator(LibraryWords words)
    {
        RuleFor(x => x.Slug).ValidSlug();
        RuleFor(x => x.Name).NotEmpty().WithMessage("Give the exercise a name.").MaximumLength(120).WithMessage("Keep the name under 120 characters.");
        RuleFor(x => x.Purpose).NotEmpty().WithMessage("Say in a sentence or two what the exercise is for.").MaximumLength(1000).WithMessage("Keep the purpose under 1000 characters.");
        RuleFor(x => x.Kind).Must(words.ExerciseKinds.Contains).WithMessage($"Choose the kind: {string.Join(", ", words.ExerciseKinds)}.");
        RuleFor(x => x.BodyAreas).NotEmpty().WithMessage("Tick at least one body area.")
            .Must(a => a.All(words.BodyAreas.Contains)).WithMessage($"Body areas are: {string.Join(", ", words.BodyAreas)}.");
        RuleFor(x => x.Instructions).NotEmpty().WithMessage("Write at least one instruction step.")
            .Must(i => i.Count <= 12).WithMessage("Keep it to 12 instruction steps or fewer.");
        RuleForEach(x => x.Instructions.Concat(x.Cues).Concat(x.CommonMistakes)).MaximumLength(500).WithMessage("Keep each line under 500 characters.")
            .OverridePropertyName("Instructions");
        RuleFor(x => x.Status).Must(words.Statuses.Contains).WithMessage($"Choose {LibraryWords.OneOf(Enum.GetValues<KneeReset.Web.Data.PublishStatus>().Select(LibraryFiles.StatusName).ToList())}.");
        RuleFor(x => x.Harder).NotEqual(x => x.Slug).WithMessage("An exercise can't be its own harder variation.");
        RuleFor(x => x.Easier).NotEqual(x => x.Slug).WithMessage("An exercise can't be its own easier variation.");
    }
}

/// <summary>
/// A routine as staff write it: registered for the Edit page's automatic validation, and run again
/// by <see cref="LibraryChecks"/> on every save (imports and restores too). Its steps are checked
/// by <see cref="RoutineExercisesValidator"/>, against the exercises there are.
/// </summary>
public sealed class RoutineFileValidator : AbstractValidator<RoutineFile>
{
    public RoutineFileValidator(LibraryWords words, RoutineExercisesValidator steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        RuleFor(x => x.Slug).ValidSlug();
        RuleFor(x => x.Title).NotEmpty().WithMessage("Give the routine a title.").MaximumLength(120).WithMessage("Keep the title under 120 characters.");
        RuleFor(x => x.Summary).NotEmpty().WithMessage("Write a short summary for runners.").MaximumLength(1000).WithMessage("Keep the summary under 1000 characters.");
        RuleFor(x => x.WhenToDo).NotEmpty().WithMessage("Say when and how often to do it.").MaximumLength(500).WithMessage("Keep this under 500 characters.");
        RuleFor(x => x.Phase).Must(words.Phases.Contains).WithMessage($"Choose the phase: {string.Join(", ", words.Phases)}.");
        RuleFor(x => x.Difficulty).Must(words.Difficulties.Contains).WithMessage($"Choose {LibraryWords.OneOf(words.Difficulties)}.");
        RuleFor(x => x.Causes).Must(c => c.All(words.Causes.Contains)).WithMessage("Unknown cause.");
        RuleFor(x => x.Findings).Must(f => f.All(words.Findings.Contains)).WithMessage("Unknown finding.");
        RuleFor(x => x.PainRule).MaximumLength(500).WithMessage("Keep the pain rule under 500 characters.");
        RuleFor(x => x.Status).Must(words.Statuses.Contains).WithMessage($"Choose {LibraryWords.OneOf(Enum.GetValues<KneeReset.Web.Data.PublishStatus>().Select(LibraryFiles.StatusName).ToList())}.");
        RuleFor(x => x.Steps).NotEmpty().When(x => x.Status == "published").WithMessage("A published routine needs at least one step.");
        RuleFor(x => x.Steps).Must(s => s.Count <= 30).WithMessage("Keep a routine to 30 steps or fewer.");
        RuleFor(x => x).Must(x => !x.Gentle || x.Steps.All(s => words.GentleKinds.Contains(steps.Kinds.Of(s.Exercise) ?? "")))
            .WithMessage($"A gentle routine (for runners waiting to see a clinician) may hold only {LibraryWords.OneOf(words.GentleKinds)} exercises.")
            .OverridePropertyName("Gentle");
        RuleForEach(x => x.Steps).SetValidator(steps);
    }

    /// <summary>The same rules against a library that isn't stored yet (an import's, a content folder's).</summary>
    /// <param name="kindOf">The kind of each exercise there will be, by slug.</param>
    public static RoutineFileValidator For(LibraryWords words, IReadOnlyDictionary<string, string> kindOf) =>
        new(words, new RoutineExercisesValidator(ExerciseKinds.From(kindOf)));
}

/// <summary>A routine's steps: each names an exercise there is, with sets, reps or a hold, and rest in range.</summary>
public sealed class RoutineExercisesValidator : AbstractValidator<RoutineStepFile>
{
    public RoutineExercisesValidator(ExerciseKinds kinds)
    {
        Kinds = kinds;
        RuleFor(s => s.Exercise).Must(slug => kinds.Of(slug) is not null).WithMessage(s => $"Step names an exercise that doesn't exist: '{s.Exercise}'.");
        RuleFor(s => s.Sets).InclusiveBetween(1, 10).WithMessage("Sets must be from 1 to 10.");
        RuleFor(s => s).Must(s => (s.Reps is null) != (s.HoldSeconds is null))
            .WithMessage("Give either reps or a hold in seconds (not both).").OverridePropertyName("Reps");
        RuleFor(s => s.Reps).InclusiveBetween(1, 100).When(s => s.Reps is not null).WithMessage("Reps must be from 1 to 100.");
        RuleFor(s => s.HoldSeconds).InclusiveBetween(1, 600).When(s => s.HoldSeconds is not null).WithMessage("A hold must be from 1 to 600 seconds.");
        RuleFor(s => s.RestSeconds).InclusiveBetween(0, 600).WithMessage("Rest must be from 0 to 600 seconds.");
        RuleFor(s => s.Tempo).MaximumLength(40).WithMessage("Keep the tempo short, like \"3-4 s lowering\".");
        RuleFor(s => s.Note).MaximumLength(300).WithMessage("Keep the note under 300 characters.");
    }

    public ExerciseKinds Kinds { get; }
}
