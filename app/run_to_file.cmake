# Runs EXE with ARGS (a ;-list) and writes its standard output to OUT; fails
# the build when EXE fails. How the build makes stepup.1 and stepup.bash from
# the built binary (CMakeLists.txt).
#
#   cmake -DEXE=<program> -DARGS=<a;b> -DOUT=<file> -P app/run_to_file.cmake
execute_process(COMMAND "${EXE}" ${ARGS} OUTPUT_FILE "${OUT}.tmp" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  file(REMOVE "${OUT}.tmp")
  message(FATAL_ERROR "${EXE} ${ARGS} failed: ${_rc}")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
