# Project-wide compiler settings, applied through an interface target so that
# imported third-party targets are never compiled with our flags.
add_library(actielijst_settings INTERFACE)
target_compile_options(actielijst_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  $<$<BOOL:${ACTIELIJST_WERROR}>:-Werror>)
if(ACTIELIJST_SANITIZE)
  target_compile_options(actielijst_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(actielijst_settings INTERFACE -fsanitize=address,undefined)
endif()
