using KneeReset.Web.Library;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

/// <summary>
/// Binds a <see cref="RoutineFile"/> or <see cref="ExerciseFile"/> from a staff form as MVC binds
/// any object, then tidies it (<see cref="LibraryText"/>), so automatic validation and the save see
/// the same text: a slug typed with a trailing space is a good slug, a textarea's lines are items.
/// A routine's binding also reads the exercise kinds its validation needs (<see cref="ExerciseKinds"/>).
/// </summary>
public sealed class LibraryFileBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Metadata.ModelType;
        if (type != typeof(RoutineFile) && type != typeof(ExerciseFile))
        {
            return null;
        }
        return new Binder(new ComplexObjectModelBinderProvider().GetBinder(context)!);
    }

    private sealed class Binder(IModelBinder bindsObject) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await bindsObject.BindModelAsync(bindingContext);
            if (bindingContext.Result.Model is RoutineFile)
            {
                // Its steps' validation needs the exercises there are, and runs synchronously next.
                await bindingContext.HttpContext.RequestServices.GetRequiredService<ExerciseKinds>().LoadAsync(bindingContext.HttpContext.RequestAborted);
            }
            bindingContext.Result = bindingContext.Result.Model switch
            {
                RoutineFile routine => ModelBindingResult.Success(LibraryText.Normalise(routine)),
                ExerciseFile exercise => ModelBindingResult.Success(LibraryText.Normalise(exercise)),
                _ => bindingContext.Result,
            };
        }
    }
}
