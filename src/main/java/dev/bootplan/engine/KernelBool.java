package dev.bootplan.engine;

/** The kernel's kstrtobool(): 1/y/Y/t/T/on → true, 0/n/N/f/F/off → false, anything else → null. */
final class KernelBool {

    private KernelBool() {}

    static Boolean parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        switch (s.charAt(0)) {
            case 'y', 'Y', 't', 'T', '1':
                return true;
            case 'n', 'N', 'f', 'F', '0':
                return false;
            case 'o', 'O':
                if (s.length() > 1) {
                    char c = s.charAt(1);
                    if (c == 'n' || c == 'N') {
                        return true;
                    }
                    if (c == 'f' || c == 'F') {
                        return false;
                    }
                }
                return null;
            default:
                return null;
        }
    }
}
