package org.waferscope.engine.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.EnumSet;
import java.util.Set;
import org.waferscope.engine.sim.Wafer;

/**
 * A {@link ModelFloor} loaded in a class loader of its own, so that the JIT compiles its code
 * for it alone: kernels of different features sharing one class would share one profile, and
 * the plain kernel would carry every variant's branches (in one JVM the plain kernel at 16×16
 * ran 27–29 ns per PE-cycle beside its variants, 18–19 alone). Reached by reflection; a call
 * runs hundreds of cycles, so the reflective call costs nothing measurable.
 */
final class IsolatedFloor {
    private final Object kernel;
    private final Method step;
    private final Method cycle;
    private final Method index;
    private final Method iterations;
    private final Method x;

    private IsolatedFloor(Object kernel) throws ReflectiveOperationException {
        this.kernel = kernel;
        Class<?> c = kernel.getClass();
        step = c.getMethod("step", long.class);
        cycle = c.getMethod("cycle");
        index = c.getDeclaredMethod("index", int.class, int.class);
        index.setAccessible(true);
        iterations = c.getMethod("iterations", int.class, int.class);
        x = c.getMethod("x", int.class, int.class);
    }

    /** The kernel {@code floor}, in the class loader it was made in. */
    static IsolatedFloor of(ModelFloor floor) throws ReflectiveOperationException {
        return new IsolatedFloor(floor);
    }

    /** A new kernel of the exchange with {@code features}, its classes loaded afresh from this build. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static IsolatedFloor load(int fw, int fh, int x0, int y0, int w, int h, Set<FloorFeature> features)
            throws ReflectiveOperationException {
        URL[] urls = {ModelFloor.class.getProtectionDomain().getCodeSource().getLocation(),
                Wafer.class.getProtectionDomain().getCodeSource().getLocation()};
        ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        Class<?> c = loader.loadClass(ModelFloor.class.getName());
        Class featureClass = loader.loadClass(FloorFeature.class.getName());
        Set set = EnumSet.noneOf(featureClass);
        for (FloorFeature f : features) {
            set.add(Enum.valueOf(featureClass, f.name()));
        }
        return new IsolatedFloor(c.getConstructor(int.class, int.class, int.class, int.class, int.class, int.class,
                Set.class).newInstance(fw, fh, x0, y0, w, h, set));
    }

    void step(long cycles) {
        call(step, cycles);
    }

    long cycle() {
        return (Long) call(cycle);
    }

    int index(int px, int py) {
        return (Integer) call(index, px, py);
    }

    int iterations(int px, int py) {
        return (Integer) call(iterations, px, py);
    }

    float x(int px, int py) {
        return (Float) call(x, px, py);
    }

    private Object call(Method m, Object... args) {
        try {
            return m.invoke(kernel, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
